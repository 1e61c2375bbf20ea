/**
 * The Klaviyo destination: one list per segment, profiles created or updated with bulk import jobs that also add them
 * to the list, removal through the list's profile relationships, the API revision pinned.
 */
package io.seglift.destination.klaviyo;
