using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace CrmBpm.Server.Identity;

/// <summary>Hands a circuit's user to <see cref="SignedInUser"/> when the circuit opens and whenever it changes.</summary>
public sealed class SignedInUserCircuitHandler(AuthenticationStateProvider authentication, SignedInUser user) : CircuitHandler, IDisposable
{
    /// <inheritdoc />
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authentication.AuthenticationStateChanged += OnChanged;
        user.UseCircuitUser((await authentication.GetAuthenticationStateAsync()).User);
    }

    /// <inheritdoc />
    public void Dispose() => authentication.AuthenticationStateChanged -= OnChanged;

    private async void OnChanged(Task<AuthenticationState> state)
    {
        try
        {
            user.UseCircuitUser((await state).User);
        }
        catch (InvalidOperationException)
        {
            // The provider could not produce a state; the circuit keeps its previous user until the next change.
        }
    }
}
