using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Logging;

namespace CrmBpm.Server.Identity;

/// <summary>Hands a circuit's user to <see cref="SignedInUser"/> when the circuit opens and whenever it changes.</summary>
public sealed class SignedInUserCircuitHandler(AuthenticationStateProvider authentication, SignedInUser user, ILogger<SignedInUserCircuitHandler> logger) : CircuitHandler, IDisposable
{
    /// <inheritdoc />
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authentication.AuthenticationStateChanged += OnChanged;
        user.UseCircuitUser((await authentication.GetAuthenticationStateAsync()).User);
    }

    /// <inheritdoc />
    public void Dispose() => authentication.AuthenticationStateChanged -= OnChanged;

    /// <summary>
    /// An event handler must be <c>async void</c>, and an exception escaping one ends the whole process (every user's circuit):
    /// so nothing may escape. The circuit keeps its previous user until the next change.
    /// </summary>
    private async void OnChanged(Task<AuthenticationState> state)
    {
        try
        {
            user.UseCircuitUser((await state).User);
        }
#pragma warning disable CA1031 // Any failure here would otherwise end the server process.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "The circuit's user could not be updated; it keeps the previous one.");
        }
    }
}
