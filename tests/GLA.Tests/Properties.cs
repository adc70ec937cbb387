// The tests drive the AppHost, which runs Linux servers.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
