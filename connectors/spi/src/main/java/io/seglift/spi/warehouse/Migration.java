package io.seglift.spi.warehouse;

import java.util.List;

/**
 * One versioned change to Seglift's own schema. Each module registers its migrations in
 * {@code META-INF/services/io.seglift.spi.warehouse.Migration}; the the migrator ({@code io.seglift.toolkit.jdbc.Migrator}) applies, in id order, those not yet
 * recorded in {@code <schema>.schema_migrations}. Ids are {@code NNNN-module-what} (e.g. {@code 0200-scoring-rfm}); a
 * released migration is never edited, only followed by a new one.
 */
public interface Migration {

    /** Sortable, unique, never reused. */
    String id();

    /** One line for {@code schema_migrations.description}. */
    String description();

    /** The statements, generated through the dialect; {@code schema} is Seglift's own schema (already created). */
    List<String> statements(Dialect dialect, String schema);
}
