using System.Security.Claims;
using CrmBpm.Server.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace CrmBpm.Server.UiTests.Identity;

/// <summary>Services that apply a user's rules find the user in an API request and in a Blazor circuit alike.</summary>
public sealed class TheSignedInUser
{
    [Fact]
    public void In_a_request_it_is_the_request_user()
    {
        var anna = Principal("anna");
        var user = new SignedInUser(new HttpContextAccessor { HttpContext = new DefaultHttpContext { User = anna } });
        user.Principal.ShouldBeSameAs(anna);
    }

    [Fact]
    public async Task In_a_circuit_it_is_the_circuit_user_even_when_an_http_context_is_around_and_follows_changes()
    {
        var stray = new HttpContextAccessor { HttpContext = new DefaultHttpContext { User = Principal("someone-else") } };
        var user = new SignedInUser(stray);
        var provider = new ChangingAuthenticationState(Principal("anna"));
        using var handler = new SignedInUserCircuitHandler(provider, user, NullLogger<SignedInUserCircuitHandler>.Instance);

        await handler.OnCircuitOpenedAsync(null!, CancellationToken.None);
        user.Principal.Identity!.Name.ShouldBe("anna");

        await provider.ChangeAsync(Principal("boris"));
        user.Principal.Identity!.Name.ShouldBe("boris");
    }

    [Fact]
    public async Task A_failing_change_keeps_the_circuit_user_and_never_escapes_to_end_the_process()
    {
        var user = new SignedInUser(new HttpContextAccessor());
        var provider = new ChangingAuthenticationState(Principal("anna"));
        using var handler = new SignedInUserCircuitHandler(provider, user, NullLogger<SignedInUserCircuitHandler>.Instance);
        await handler.OnCircuitOpenedAsync(null!, CancellationToken.None);

        // Raised from a thread-pool thread (no synchronization context, as outside a render): an exception escaping the
        // async void handler is then rethrown on the thread pool and ends the process, here the test host.
        await Task.Run(() => provider.FailAsync(new NotSupportedException("the identity store is gone")));
        await Task.Delay(200);

        user.Principal.Identity!.Name.ShouldBe("anna");
    }

    [Fact]
    public void Outside_a_request_and_a_circuit_it_says_so()
    {
        var user = new SignedInUser(new HttpContextAccessor());
        Should.Throw<InvalidOperationException>(() => user.Principal).Message.ShouldContain("neither an HTTP request nor a Blazor circuit");
    }

    private static ClaimsPrincipal Principal(string name) => new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], "test"));

    private sealed class ChangingAuthenticationState(ClaimsPrincipal initial) : AuthenticationStateProvider
    {
        private Task<AuthenticationState> _state = Task.FromResult(new AuthenticationState(initial));

        public override Task<AuthenticationState> GetAuthenticationStateAsync() => _state;

        public async Task ChangeAsync(ClaimsPrincipal principal)
        {
            _state = Task.FromResult(new AuthenticationState(principal));
            NotifyAuthenticationStateChanged(_state);
            await _state;
        }

        public async Task FailAsync(Exception exception)
        {
            var failed = Task.FromException<AuthenticationState>(exception);
            NotifyAuthenticationStateChanged(failed);
            await Task.Yield();
        }
    }
}
