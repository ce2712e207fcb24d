using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace CourseKit.Notebooks.Documents;

/// <summary>
/// Tells regular files from FIFOs, sockets and devices. .NET reports all of these as files, and opening a FIFO
/// for reading blocks until someone writes into it; so the type is read with statx(2) before a file is opened.
/// </summary>
internal static class FileKind
{
    /// <summary>
    /// Whether <paramref name="path"/> (symbolic links followed) is known to be something other than a regular
    /// file or a folder. False when the type cannot be read: on systems other than Linux, or a C library without statx.
    /// </summary>
    public static bool IsSpecial(string path)
    {
        if (!OperatingSystem.IsLinux()) return false;
        var status = new byte[256];   // struct statx has the same layout on every Linux architecture
        try
        {
            if (Statx(AtCurrentDirectory, path, 0, StatxType, status) != 0) return false;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
        if ((BitConverter.ToUInt32(status, 0) & StatxType) == 0) return false;   // stx_mask: the type was not filled in
        var type = BitConverter.ToUInt16(status, 28) & 0xF000;                     // stx_mode & S_IFMT
        return type is not (RegularFile or Folder);
    }

    private const int AtCurrentDirectory = -100;   // AT_FDCWD
    private const uint StatxType = 0x1;            // STATX_TYPE
    private const int RegularFile = 0x8000;        // S_IFREG
    private const int Folder = 0x4000;             // S_IFDIR

    [SuppressMessage("Globalization", "CA2101:Specify marshaling for P/Invoke string arguments", Justification = "The path is marshalled as UTF-8 (LPUTF8Str) explicitly, which the rule does not recognise.")]
    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] status);
}
