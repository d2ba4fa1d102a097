package com.tagline.station.cli;

import com.tagline.hardware.tag.ChipProtocol;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converter for a {@code --protocol} code; an unknown one is a usage error (exit 2) naming the known ones. */
final class ProtocolOption implements ITypeConverter<ChipProtocol> {
    @Override
    public ChipProtocol convert(String value) {
        try {
            return ChipProtocol.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
