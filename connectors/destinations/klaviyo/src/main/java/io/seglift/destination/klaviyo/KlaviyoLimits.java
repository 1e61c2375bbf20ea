package io.seglift.destination.klaviyo;

/**
 * Klaviyo's documented limits, read by the destination (to size requests) and by its sandbox (to refuse what Klaviyo
 * refuses). Each value cites where Klaviyo states it.
 */
public final class KlaviyoLimits {
    /**
     * Profiles per bulk import job. Spec: {@code paths./api/profile-bulk-import-jobs.post.description} ("Accepts up to
     * 10,000 profiles per request"); https://developers.klaviyo.com/en/reference/bulk_import_profiles
     */
    public static final int IMPORT_PROFILES_PER_JOB = 10_000;
    /**
     * Bytes per bulk import request ("The maximum allowed payload size is 5MB", same spec path). Read as 5,000,000 bytes,
     * the stricter of the decimal and binary readings.
     */
    public static final int IMPORT_REQUEST_BYTES = 5_000_000;
    /** Bytes per profile in a bulk import request ("The maximum allowed payload size per-profile is 100KB", same path). */
    public static final int IMPORT_PROFILE_BYTES = 100_000;
    /**
     * Profiles per list relationship call. Spec: {@code paths./api/lists/{id}/relationships/profiles.delete.description}
     * ("This endpoint accepts a maximum of 1000 profiles per call").
     */
    public static final int RELATIONSHIP_PROFILES_PER_CALL = 1_000;
    /** Page size ceiling of profile collections. Spec: {@code paths./api/profiles.get} parameter {@code page[size]} (max 100). */
    public static final int PROFILES_PAGE_SIZE = 100;

    private KlaviyoLimits() {
    }
}
