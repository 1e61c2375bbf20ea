/**
 * A Graph API sandbox for the Facebook destination, for tests and {@code seglift demo}: the ad account, its custom
 * audiences, and hashed audience members uploaded through {@code users} and {@code usersreplace}. It verifies {@code appsecret_proof},
 * refuses expired API versions and malformed uploads as Meta does, and counts every value in a hashed column that is not
 * a SHA-256 hex digest, so tests can prove raw identifiers never arrive.
 */
package io.seglift.destination.facebook.sandbox;
