package io.weathersync.adapter.jdbc;

import io.weathersync.application.port.out.MasterLeases;
import io.weathersync.domain.cluster.Lease;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.Optional;

/** The master lease in {@code master_lease} (one row, id 1); each write is a conditional UPDATE or INSERT. */
public final class JdbiMasterLeases implements MasterLeases {

    private final Database database;

    /** The lease in {@code database}, shared by the masters that use it. */
    public JdbiMasterLeases(Database database) {
        this.database = database;
    }

    @Override
    public Optional<Lease> current() {
        return database.jdbi().withHandle(JdbiMasterLeases::read);
    }

    static Optional<Lease> read(Handle h) {
        return h.createQuery("SELECT holder, holder_url, epoch, expires_at FROM master_lease WHERE id = 1")
                .map((rs, ctx) -> new Lease(rs.getString("holder"), rs.getString("holder_url"), rs.getLong("epoch"),
                        Instant.ofEpochMilli(rs.getLong("expires_at"))))
                .findOne();
    }

    @Override
    public boolean renew(Lease lease) {
        return database.write(h -> h.createUpdate("UPDATE master_lease SET holder_url = :url, expires_at = :expires"
                        + " WHERE id = 1 AND holder = :holder AND epoch = :epoch")
                .bind("url", lease.holderUrl())
                .bind("expires", lease.expiresAt().toEpochMilli())
                .bind("holder", lease.holder())
                .bind("epoch", lease.epoch())
                .execute() == 1);
    }

    @Override
    public boolean takeOver(Lease lease) {
        return database.write(h -> {
            if (lease.epoch() == 1) {
                // The first lease: an INSERT that a concurrent first one makes a no-op, then read who won.
                h.createUpdate("INSERT INTO master_lease (id, holder, holder_url, epoch, expires_at) VALUES (1,"
                                + " :holder, :url, 1, :expires) ON DUPLICATE KEY UPDATE id = id")
                        .bind("holder", lease.holder())
                        .bind("url", lease.holderUrl())
                        .bind("expires", lease.expiresAt().toEpochMilli())
                        .execute();
                return read(h).map(stored -> stored.holder().equals(lease.holder()) && stored.epoch() == 1)
                        .orElse(false);
            }
            return h.createUpdate("UPDATE master_lease SET holder = :holder, holder_url = :url, epoch = :epoch,"
                            + " expires_at = :expires WHERE id = 1 AND epoch = :previous")
                    .bind("holder", lease.holder())
                    .bind("url", lease.holderUrl())
                    .bind("epoch", lease.epoch())
                    .bind("expires", lease.expiresAt().toEpochMilli())
                    .bind("previous", lease.epoch() - 1)
                    .execute() == 1;
        });
    }

    @Override
    public boolean release(Lease lease) {
        // Expired since the epoch of time: lapsed for every master, whatever its clock says.
        return database.write(h -> h.createUpdate("UPDATE master_lease SET expires_at = 0"
                        + " WHERE id = 1 AND holder = :holder AND epoch = :epoch")
                .bind("holder", lease.holder())
                .bind("epoch", lease.epoch())
                .execute() == 1);
    }
}
