package org.casereview.referral;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.casereview.testing.Api;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReferralIntakeTest {

  @Test
  void member_refersYouth_andReceivesReceiptWithoutDetails() {
    String marker = "MARK-" + UUID.randomUUID();
    Api.as("sam.counselor")
        .body(Api.referral(marker))
        .post("/api/v1/referrals")
        .then()
        .statusCode(201)
        .body("id", notNullValue())
        .body("status", equalTo("RECEIVED"))
        .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(marker)));
  }
}
