package io.seglift.config;

import java.util.Optional;

/**
 * {@code sources.customers.consent}: boolean columns, true meaning the customer agreed.
 *
 * @param email email marketing opt-in
 * @param sms   SMS opt-in
 * @param dnd   do-not-disturb flag (true means never contact by phone or SMS)
 * @param ads   consent to ad matching (custom audiences); when absent, ads are allowed
 */
public record ConsentColumns(Optional<String> email, Optional<String> sms, Optional<String> dnd,
                             Optional<String> ads) {
    public static ConsentColumns none() {
        return new ConsentColumns(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
