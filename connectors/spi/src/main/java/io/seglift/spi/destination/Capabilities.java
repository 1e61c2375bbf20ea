package io.seglift.spi.destination;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ArrayList;
import java.util.Objects;
import java.util.Set;

/**
 * What a destination supports, declared by its factory from settings ({@link DestinationFactory#capabilities}).
 * Built with {@link #builder(Channel)}, which checks the invariants: at least one identifier, a positive batch size,
 * {@link SyncMode#MIRROR} only with removes, {@link SyncMode#UPSERT} only with attributes.
 */
public final class Capabilities {
    private final Channel channel;
    private final Set<IdentifierType> identifiers;
    private final int maxBatchSize;
    private final List<RateLimit> rateLimits;
    private final Set<SyncMode> modes;
    private final boolean supportsRemove;
    private final boolean supportsAttributes;

    private Capabilities(Builder b) {
        this.channel = b.channel;
        this.identifiers = Set.copyOf(b.identifiers);
        this.maxBatchSize = b.maxBatchSize;
        this.rateLimits = List.copyOf(b.rateLimits);
        this.modes = Set.copyOf(b.modes);
        this.supportsRemove = b.supportsRemove;
        this.supportsAttributes = b.supportsAttributes;
    }

    public static Builder builder(Channel channel) {
        return new Builder(channel);
    }

    /** The channel activated, which decides the consent required. */
    public Channel channel() {
        return channel;
    }

    /** Identifiers it can match members on; the engine sends only these. */
    public Set<IdentifierType> identifiers() {
        return identifiers;
    }

    /** Most rows one {@link Destination#push} accepts. */
    public int maxBatchSize() {
        return maxBatchSize;
    }

    /** Documented limits, each for the requests its {@link RateLimit#appliesTo()} matches; all are enforced. */
    public List<RateLimit> rateLimits() {
        return rateLimits;
    }

    /** Sync modes it supports. */
    public Set<SyncMode> modes() {
        return modes;
    }

    /** Whether members can be removed from an audience. */
    public boolean supportsRemove() {
        return supportsRemove;
    }

    /** Whether {@link SyncMode#UPSERT} can write attributes onto records. */
    public boolean supportsAttributes() {
        return supportsAttributes;
    }

    @Override
    public String toString() {
        return "Capabilities[channel=" + channel + ", identifiers=" + identifiers + ", maxBatchSize=" + maxBatchSize
                + ", rateLimits=" + rateLimits + ", modes=" + modes + ", supportsRemove=" + supportsRemove
                + ", supportsAttributes=" + supportsAttributes + "]";
    }

    /** Collects capabilities; {@link #build()} checks them. */
    public static final class Builder {
        private final Channel channel;
        private final Set<IdentifierType> identifiers = new LinkedHashSet<>();
        private int maxBatchSize;
        private final List<RateLimit> rateLimits = new ArrayList<>();
        private final Set<SyncMode> modes = EnumSet.noneOf(SyncMode.class);
        private boolean supportsRemove;
        private boolean supportsAttributes;

        private Builder(Channel channel) {
            this.channel = Objects.requireNonNull(channel, "channel");
        }

        public Builder identifiers(IdentifierType... ids) {
            identifiers.addAll(List.of(ids));
            return this;
        }

        public Builder maxBatchSize(int size) {
            this.maxBatchSize = size;
            return this;
        }

        public Builder rateLimit(RateLimit limit) {
            rateLimits.add(Objects.requireNonNull(limit, "limit"));
            return this;
        }

        public Builder rateLimits(List<RateLimit> limits) {
            limits.forEach(this::rateLimit);
            return this;
        }

        public Builder modes(SyncMode... m) {
            modes.addAll(List.of(m));
            return this;
        }

        /** Members can be removed from an audience (required by {@link SyncMode#MIRROR}). */
        public Builder removes() {
            this.supportsRemove = true;
            return this;
        }

        /** Attributes can be written onto records (required by {@link SyncMode#UPSERT}). */
        public Builder attributes() {
            this.supportsAttributes = true;
            return this;
        }

        public Capabilities build() {
            if (identifiers.isEmpty()) throw new IllegalArgumentException("a destination matches on at least one identifier");
            if (maxBatchSize <= 0) throw new IllegalArgumentException("maxBatchSize must be positive: " + maxBatchSize);
            if (modes.isEmpty()) throw new IllegalArgumentException("a destination supports at least one sync mode");
            if (modes.contains(SyncMode.MIRROR) && !supportsRemove) {
                throw new IllegalArgumentException("mode mirror needs remove support: declare removes() or drop MIRROR");
            }
            if (modes.contains(SyncMode.UPSERT) && !supportsAttributes) {
                throw new IllegalArgumentException("mode upsert needs attributes: declare attributes() or drop UPSERT");
            }
            return new Capabilities(this);
        }
    }
}
