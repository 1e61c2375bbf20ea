/**
 * The Facebook Custom Audiences destination: one customer-list custom audience per segment, members added and removed
 * through the audience's users edge with upload sessions, identifiers normalized and SHA-256 hashed in-process per
 * Meta's rules. Audience management goes through the Facebook Business SDK; user uploads go through the same HTTP
 * client as plain Graph API calls (see {@link io.seglift.destination.facebook.GraphClient} for why).
 */
package io.seglift.destination.facebook;
