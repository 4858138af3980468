package org.gridwarden.rules.reference;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/** A public holiday (法定节假日) with its make-up working days (调休上班), as in the State Council's notice. */
public record Holiday(String name, String nameEn, LocalDate from, LocalDate to, List<LocalDate> makeUpWorkdays)
        implements Serializable {}
