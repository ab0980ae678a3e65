package com.relationship.projection.web;

import com.relationship.contracts.CanonicalUuid;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

import java.beans.PropertyEditorSupport;
import java.util.UUID;

/**
 * Account ids in the path are read only in their canonical form ({@link CanonicalUuid}), so
 * "1-1-1-1-1" is a 400 invalid-parameter rather than a 404 for some other account. An editor, not
 * a converter: Spring falls back to its lenient UUID editor when a converter fails.
 */
@ControllerAdvice
class CanonicalIds {

    @InitBinder
    void canonicalUuids(WebDataBinder binder) {
        binder.registerCustomEditor(UUID.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(CanonicalUuid.parse(text));
            }
        });
    }
}
