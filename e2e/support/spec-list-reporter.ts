// Loaded as a Jasmine helper: prints each e2e scenario by name with its time, so the CI log says
// what was exercised in the browser, not only how many dots passed.
const started = new Map<string, number>();

jasmine.getEnv().addReporter({
  specStarted: (spec) => void started.set(spec.id, Date.now()),
  specDone: (spec) => {
    const seconds = ((Date.now() - (started.get(spec.id) ?? Date.now())) / 1000).toFixed(1);
    const mark = spec.status === 'passed' ? 'ok  ' : spec.status === 'failed' ? 'FAIL' : 'skip';
    if (spec.status === 'excluded') return;
    console.log(`\n  ${mark} ${spec.fullName} (${seconds} s)`);
    if (spec.status === 'pending' && spec.pendingReason) console.log(`       pending: ${spec.pendingReason}`);
  },
});
