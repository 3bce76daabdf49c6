/**
 * For each test of the file calling it: `variable` unset, as a user's environment has it, and put
 * back after. The suite sets such variables for speed (test/setup/suite-environment.ts); the test
 * that checks the setting at full strength calls this.
 */
export function withoutSuiteSetting(variable: string): void {
  let suiteValue: string | undefined;
  beforeEach(() => {
    suiteValue = process.env[variable];
    delete process.env[variable];
  });
  afterEach(() => {
    if (suiteValue !== undefined) process.env[variable] = suiteValue;
  });
}
