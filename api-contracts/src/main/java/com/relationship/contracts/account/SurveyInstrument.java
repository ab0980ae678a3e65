package com.relationship.contracts.account;

/** How satisfaction was asked: Net Promoter Score or customer satisfaction, both scored 0 to 10. */
public enum SurveyInstrument {
    NPS, CSAT
}
