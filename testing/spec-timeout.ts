// Loaded before the Node specs (jasmine.server.json's helpers). They start real servers and processes,
// and `npm test` runs its suites side by side on a machine that may have two cores: Jasmine's 5 s
// default failed specs that were only slow there (a script's start took over 5 s at a load average of 13).
// This limit only catches a hang; a spec about a time limit measures that limit itself.
jasmine.DEFAULT_TIMEOUT_INTERVAL = 30_000;
