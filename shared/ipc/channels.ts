/**
 * The channel names of the contract as plain data, so the sandboxed preload can build `window.ombuds` without
 * bundling zod. A unit test checks this list equals the contract's keys.
 */
export const channelNames = [
  'vault:status',
  'vault:create',
  'vault:saveRecoverySheet',
  'vault:confirmRecoverySaved',
  'vault:unlock',
  'vault:lock',
  'vault:changePassphrase',
  'vault:recover',
  'vault:backup',
  'vault:restore',
  'vault:verify',
  'settings:get',
  'settings:update',
  'session:activity',
  'vocabulary:list',
  'vocabulary:add',
  'incidents:search',
  'incidents:get',
  'incidents:save',
  'persons:suggestDuplicates',
] as const;
