package io.seglift.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** One row of {@code raw.customers}: profile, identifiers and channel consent as a shop's export would have them. */
public record DemoCustomer(String customerId, String email, String phone, String firstName, String lastName,
                           String city, String state, String zip, String country, String gender,
                           LocalDate dateOfBirth, LocalDateTime signupAt, boolean emailOptIn, boolean smsOptIn,
                           boolean doNotDisturb, boolean adsOptIn) {
}
