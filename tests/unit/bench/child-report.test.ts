import { describe, expect, it } from 'vitest';
import { formatChildReport, parseChildReport } from '../../../scripts/bench/child-report.js';

describe('parseChildReport', () => {
  it('reads back the timings a child formatted, among log lines', () => {
    const stdout = `{"level":"INFO","message":"x"}${formatChildReport({ startMs: 61.5, importedMs: 155.25 })}{"_aws":{}}\n`;
    expect(parseChildReport(stdout)).toEqual({ startMs: 61.5, importedMs: 155.25 });
  });

  it('takes the last report when a child printed more than one', () => {
    const stdout = formatChildReport({ firstMs: 1 }) + formatChildReport({ firstMs: 2 });
    expect(parseChildReport(stdout)).toEqual({ firstMs: 2 });
  });

  it('fails when the child printed no report', () => {
    expect(() => parseChildReport('{"level":"ERROR"}\n')).toThrow(/no timings/);
  });

  it('fails on a timing that is not a finite number', () => {
    expect(() => parseChildReport('lede-bench-child:{"firstMs":"12"}\n')).toThrow(/firstMs/);
    expect(() => parseChildReport('lede-bench-child:{"firstMs":null}\n')).toThrow(/firstMs/);
  });

  it('fails on a report that is not an object', () => {
    expect(() => parseChildReport('lede-bench-child:[1,2]\n')).toThrow(/not an object/);
  });
});
