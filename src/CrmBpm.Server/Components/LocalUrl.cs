namespace CrmBpm.Server.Components;

/// <summary>Return addresses from query strings: only paths of this site, never another host (open-redirect guard).</summary>
public static class LocalUrl
{
    /// <summary>True for "/" and "/path", false for "//host", "/\host", absolute URLs and empty text.</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    /// <summary>The address when it is local, else the start page.</summary>
    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";
}
