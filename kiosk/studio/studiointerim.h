#pragma once

// INTERIM, until branches i12-import and i12-script are merged: the APIs of
// kiosk/pack/recordingprocess.h (processRecording, writeRecording), kiosk/pack/unitcodes.h
// (codedUnits) and kiosk/pack/recordinglog.h (RecordingLog), with the same names and
// signatures, so that the studio's code does not change when the real ones land; this
// file and studiointerim.cpp are then deleted. Minimal behaviour: no trimming, no
// normalisation, codes are the units' keys.

#include "contentmodel.h"
#include "problem.h"
#include "textunits.h"

#include <QByteArray>
#include <QDate>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace passerelle::content {

struct Pcm
{
    int rate = 0;
    QByteArray samples; // 16-bit mono
};

struct ProcessedRecording
{
    Pcm pcm;
    double secondsBefore = 0, seconds = 0;
    std::optional<double> loudnessBefore, loudnessAfter;
    QStringList problems;
    bool refused = false;
};

[[nodiscard]] ProcessedRecording processRecording(const Pcm &raw, double expectedSeconds);
[[nodiscard]] double expectedSpeechSeconds(const QString &text);
[[nodiscard]] Result<bool> writeRecording(const Pcm &pcm, const QString &path);

struct CodedUnit
{
    QString code;
    TextUnit unit;
    TextUnit french;
};

[[nodiscard]] QList<CodedUnit> codedUnits(const ContentSet &set, const QString &lang);

struct RecordingLog
{
    static Result<RecordingLog> read(const QString &contentDir, const QString &lang);
    [[nodiscard]] QString frenchHash(const QString &recording) const;
    void set(const QString &recording, const QString &frenchHash, const QDate &date);
    [[nodiscard]] Result<bool> write(const QString &contentDir, const QString &lang) const;

    QMap<QString, QString> entries;
};

} // namespace passerelle::content
