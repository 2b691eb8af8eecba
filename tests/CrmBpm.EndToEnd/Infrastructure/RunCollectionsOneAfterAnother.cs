// The designer's test host and the server each drive a real chromium; run side by side on two cores they starve each
// other's timeouts (a drawing test failed only in the full run), so the collections take turns.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
