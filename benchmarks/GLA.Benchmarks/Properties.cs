// The benchmark drives the AppHost, which runs Linux servers.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
