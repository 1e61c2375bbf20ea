package io.seglift.destination.klaviyo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seglift.spi.destination.Member;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Splits the profiles of one batch into bulk import requests that Klaviyo accepts: at most
 * {@link KlaviyoLimits#IMPORT_PROFILES_PER_JOB} profiles and {@link KlaviyoLimits#IMPORT_REQUEST_BYTES} bytes each,
 * counted on the exact bytes sent; a profile over {@link KlaviyoLimits#IMPORT_PROFILE_BYTES} is set aside, never sent.
 */
final class ImportRequests {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One bulk import request: its members and profiles in request order, its body and a fingerprint of it. */
    record Request(List<Member> members, List<ObjectNode> profiles, ObjectNode body, String fingerprint) {
    }

    /** A member whose profile alone is larger than Klaviyo accepts, with its size in bytes. */
    record Oversized(Member member, int bytes) {
    }

    /** The requests to send and the members left out. */
    record Plan(List<Request> requests, List<Oversized> oversized) {
    }

    private final int maxProfiles;
    private final int maxRequestBytes;
    private final int maxProfileBytes;

    ImportRequests() {
        this(KlaviyoLimits.IMPORT_PROFILES_PER_JOB, KlaviyoLimits.IMPORT_REQUEST_BYTES, KlaviyoLimits.IMPORT_PROFILE_BYTES);
    }

    ImportRequests(int maxProfiles, int maxRequestBytes, int maxProfileBytes) {
        this.maxProfiles = maxProfiles;
        this.maxRequestBytes = maxRequestBytes;
        this.maxProfileBytes = maxProfileBytes;
    }

    Plan plan(String listId, List<Member> members, List<ObjectNode> profiles) {
        int envelope = bytes(body(listId, List.of())).length;
        List<Request> requests = new ArrayList<>();
        List<Oversized> oversized = new ArrayList<>();
        List<Member> ms = new ArrayList<>();
        List<ObjectNode> ps = new ArrayList<>();
        long size = envelope;
        for (int i = 0; i < members.size(); i++) {
            int b = bytes(profiles.get(i)).length;
            if (b > maxProfileBytes) {
                oversized.add(new Oversized(members.get(i), b));
                continue;
            }
            long added = b + (ps.isEmpty() ? 0 : 1);
            if (!ps.isEmpty() && (ps.size() == maxProfiles || size + added > maxRequestBytes)) {
                requests.add(request(listId, ms, ps));
                ms = new ArrayList<>();
                ps = new ArrayList<>();
                size = envelope;
                added = b;
            }
            ms.add(members.get(i));
            ps.add(profiles.get(i));
            size += added;
        }
        if (!ps.isEmpty()) requests.add(request(listId, ms, ps));
        return new Plan(requests, oversized);
    }

    private static Request request(String listId, List<Member> members, List<ObjectNode> profiles) {
        ObjectNode body = body(listId, profiles);
        return new Request(List.copyOf(members), List.copyOf(profiles), body, fingerprint(bytes(body)));
    }

    /** The request body of {@code POST /api/profile-bulk-import-jobs} (spec: ProfileImportJobCreateQuery). */
    static ObjectNode body(String listId, List<ObjectNode> profiles) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode data = body.putObject("data").put("type", "profile-bulk-import-job");
        ArrayNode array = data.putObject("attributes").putObject("profiles").putArray("data");
        profiles.forEach(array::add);
        data.putObject("relationships").putObject("lists").putArray("data").addObject().put("type", "list")
                .put("id", listId);
        return body;
    }

    static byte[] bytes(Object node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fingerprint(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
