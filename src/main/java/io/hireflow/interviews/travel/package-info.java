/**
 * Travel support for in-person interviews: each organization's policy (who is eligible, which transport, the cap per
 * trip, whether receipts are required), the candidate's claim from the portal (trips, PDF receipts, the bank details
 * the payment needs, encrypted and removed once paid), and its approval, rejection and payment by staff, with the
 * candidate told at each step. The portal reaches it through this named interface.
 */
@org.springframework.modulith.NamedInterface("travel")
package io.hireflow.interviews.travel;
