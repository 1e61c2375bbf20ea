/**
 * What every HTTP destination needs and should not write again: sending with a timeout, mapping HTTP statuses to
 * retriable, fatal or rejected outcomes, reading Retry-After, and handling base URLs.
 */
package io.seglift.toolkit.http;
