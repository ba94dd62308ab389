import { describe, expect, it } from 'vitest';
import { benchDescribeInstances } from './bench-describe-instances.js';

describe('benchDescribeInstances', () => {
  it('lists every AWS instance of the estate through the SDK paginator', async () => {
    const figures = await benchDescribeInstances({ size: 'small', pageSize: 5 });

    const listed = figures.find((figure) => figure.unit === 'instances');
    expect(listed?.note).toMatch(/^all listed/);
    expect(
      figures.filter((figure) => figure.unit === 'instances/s').every((figure) => figure.value > 0),
    ).toBe(true);
  });
});
