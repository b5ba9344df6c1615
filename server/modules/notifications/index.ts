// The outbox API other features use: write notices in your own transaction.
export {
  cancelPendingNotices,
  enqueueNotice,
  enqueueNotices,
  type NewNotice,
} from './notice-repository';
