using System.Security.Cryptography;

namespace CrmBpm.Server.Administration;

/// <summary>Random one-time passwords that satisfy the password policy (8+ characters with a digit): 12 characters, 4 of them digits.</summary>
public static class OneTimePasswords
{
    // No look-alikes (0/o, 1/l/i): the Administrator reads it out or types it for the user.
    private const string Letters = "abcdefghjkmnpqrstuvwxyz";
    private const string Digits = "23456789";

    /// <summary>A new password.</summary>
    public static string Create()
    {
        var chars = new char[12];
        for (var i = 0; i < chars.Length; i++)
        {
            var alphabet = i % 3 == 2 ? Digits : Letters;
            chars[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        }

        return new string(chars);
    }
}
