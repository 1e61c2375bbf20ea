package io.seglift.cli;

import io.seglift.spi.warehouse.Warehouse;

import java.util.function.Supplier;

/**
 * A warehouse opened on its first call, handed to the sync engine so that the engine's sync lock is taken before the
 * warehouse is opened: a second run of the same sync then stops on the lock ({@link ExitCode#LOCKED}, at once)
 * instead of on an embedded warehouse's file lock. {@link #close()} closes it only if it was opened.
 */
final class WarehouseOnFirstUse extends ForwardingWarehouse {
    private final Supplier<Warehouse> opener;
    private Warehouse opened;

    WarehouseOnFirstUse(Supplier<Warehouse> opener) {
        this.opener = opener;
    }

    @Override
    protected Warehouse delegate() {
        if (opened == null) opened = opener.get();
        return opened;
    }

    @Override
    public void close() {
        if (opened != null) opened.close();
        opened = null;
    }
}
