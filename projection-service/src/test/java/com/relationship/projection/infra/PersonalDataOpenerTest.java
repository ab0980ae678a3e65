package com.relationship.projection.infra;

import com.relationship.projection.readmodel.InconsistentEventStreamException;
import com.relationship.security.personaldata.KeyStore;
import com.relationship.security.personaldata.PersonalData;
import org.junit.jupiter.api.Test;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/** What the committee's fold gets from a sealed datum: plaintext, "[erased]", or poison when altered. */
class PersonalDataOpenerTest {

    @Test
    void aSealedDatumOpensAnErasedOneReadsErasedAndAnAlteredOneIsPoisonNotARetry() throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        SecretKey key = generator.generateKey();
        KeyStore keys = mock(KeyStore.class);
        given(keys.keyFor(any(), any())).willReturn(key);
        given(keys.key("ann")).willReturn(Optional.of(key));
        given(keys.key("ben")).willReturn(Optional.empty());
        PersonalData personalData = new PersonalData(keys);
        UnaryOperator<String> open = PersonalDataConfig.opener(personalData);

        String ann = personalData.sealerFor("ann", "account").seal("Ann Lee");
        String ben = personalData.sealerFor("ben", "account").seal("Ben Ode");
        String altered = ann.substring(0, ann.length() - 2) + (ann.endsWith("A") ? "BB" : "AA");

        assertThat(open.apply(ann)).isEqualTo("Ann Lee");
        assertThat(open.apply(ben)).isEqualTo("[erased]");
        assertThat(open.apply(null)).isNull();
        assertThatThrownBy(() -> open.apply(altered)).isInstanceOf(InconsistentEventStreamException.class)
                .hasMessageContaining("ann").hasMessageNotContaining("Ann Lee");
    }
}
