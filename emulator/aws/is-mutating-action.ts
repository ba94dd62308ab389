/**
 * Verbs that start the names of AWS operations that change something. The list is deliberately
 * broad: refusing a harmless call is better than serving a call that a real cloud would execute.
 */
const MUTATING_VERBS = [
  'Accept',
  'Activate',
  'Add',
  'Allocate',
  'Apply',
  'Assign',
  'Associate',
  'Attach',
  'Authorize',
  'Bundle',
  'Cancel',
  'Change',
  'Confirm',
  'Copy',
  'Create',
  'Deactivate',
  'Delete',
  'Deprovision',
  'Deregister',
  'Detach',
  'Disable',
  'Disassociate',
  'Enable',
  'Export',
  'Failover',
  'Import',
  'Invoke',
  'Modify',
  'Monitor',
  'Move',
  'Promote',
  'Provision',
  'Publish',
  'Purchase',
  'Purge',
  'Put',
  'Reboot',
  'Register',
  'Reject',
  'Release',
  'Remove',
  'Replace',
  'Report',
  'Reset',
  'Restore',
  'Revoke',
  'Rotate',
  'Run',
  'Send',
  'Set',
  'Start',
  'Stop',
  'Switchover',
  'Tag',
  'Terminate',
  'Unassign',
  'Unmonitor',
  'Untag',
  'Update',
  'Upgrade',
] as const;

const MUTATING_PATTERN = new RegExp(`^(?:${MUTATING_VERBS.join('|')})(?:[A-Z0-9]|$)`);

/**
 * True when an AWS operation name (`TerminateInstances`, `PutMetricData`, `DeleteBucket`) names a
 * call that would change the cloud. Read verbs (`Describe`, `Get`, `List`, `Lookup`, `Filter`,
 * `Search`, `Test`) are never mutating.
 */
export function isMutatingAction(operation: string): boolean {
  return MUTATING_PATTERN.test(operation);
}
