#pragma once

#include "contentmodel.h"
#include "problem.h"

namespace passerelle::content {

/**
 * Checks what one file cannot know alone: references between files, translations
 * against their French source, dates and formats. Errors stop a build; warnings
 * (missing or outdated translations, long sentences, languages without a voice)
 * are for editors and do not.
 */
void checkContent(const ContentSet &set, Problems &problems);

/**
 * Audio: human recordings under content/audio/ must be Ogg Opus and match a text; every
 * text without audio (a language with no voice and no recording) is reported, one
 * warning per file and language. Part of checkContent.
 */
void checkAudio(const ContentSet &set, Problems &problems);

/** The voices of pack.yaml must be known to the installed espeak-ng (runs espeak-ng --voices). */
void checkVoices(const ContentSet &set, Problems &problems);

/** True for a phone number written as digits, spaces and an optional leading +. */
[[nodiscard]] bool isValidPhoneNumber(const QString &number);
/** True for opening hours such as "mo-fr 09:30-13:00". */
[[nodiscard]] bool isValidOpeningHours(const QString &hours);
/** The pages in force on a date are picked by id; two versions of one id must not overlap. */
[[nodiscard]] bool validityOverlaps(const PageFile &a, const PageFile &b);

} // namespace passerelle::content
