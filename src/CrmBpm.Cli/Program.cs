using CrmBpm.Cli;

return await CliApp.RunAsync(args, Console.In, Console.Out);
