using ECampus.Web.Cli;

return await EcampusCommandLine.RunAsync(args);
