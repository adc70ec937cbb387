// The AppHost drives Linux servers (setpriv, signals, /proc); a container runtime is the way elsewhere.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
