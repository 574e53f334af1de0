package io.hireflow.shared;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What one transaction has already read, to read it once: the eight messages of an interview's invites each need the
 * same job, organization and candidate. It lives as long as the transaction and is seen by it alone, so it is as
 * fresh as a read in that transaction would be, except for a change the same transaction makes after the first read;
 * it is for what the transaction only reads. Outside a transaction every call loads.
 */
public final class TransactionMemo {

    private TransactionMemo() {
    }

    /** The value remembered under {@code key} in the current transaction, loaded the first time. */
    @SuppressWarnings("unchecked")
    public static <T> T get(Object key, Supplier<T> load) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return load.get();
        }
        Map<Object, Object> memo = (Map<Object, Object>) TransactionSynchronizationManager
                .getResource(TransactionMemo.class);
        if (memo == null) {
            Map<Object, Object> created = new HashMap<>();
            memo = created;
            TransactionSynchronizationManager.bindResource(TransactionMemo.class, created);
            // a transaction started inside this one (REQUIRES_NEW) has its own
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void suspend() {
                    TransactionSynchronizationManager.unbindResourceIfPossible(TransactionMemo.class);
                }

                @Override
                public void resume() {
                    TransactionSynchronizationManager.bindResource(TransactionMemo.class, created);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(TransactionMemo.class);
                }
            });
        }
        T value = (T) memo.get(key);
        if (value == null) {
            value = load.get();
            memo.put(key, value);
        }
        return value;
    }
}
