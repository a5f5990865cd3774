#pragma once

#include "kioskconfig.h"

#include <QObject>
#include <QStringList>

namespace passerelle {

/**
 * The config values the UI binds to, read-only (QML: the KioskSettings singleton).
 * Theme.pxPerMm comes from here; the idle timer and the language screen can bind to
 * the other values.
 */
class KioskSettings : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString kioskName READ kioskName CONSTANT FINAL)
    Q_PROPERTY(double pxPerMm READ pxPerMm CONSTANT FINAL)
    Q_PROPERTY(int idleWarningSeconds READ idleWarningSeconds CONSTANT FINAL)
    Q_PROPERTY(int idleResetSeconds READ idleResetSeconds CONSTANT FINAL)
    Q_PROPERTY(QStringList languages READ languages CONSTANT FINAL)
    Q_PROPERTY(QString webBaseUrl READ webBaseUrl CONSTANT FINAL)
    Q_PROPERTY(bool hasLocation READ hasLocation CONSTANT FINAL)
    Q_PROPERTY(double latitude READ latitude CONSTANT FINAL)
    Q_PROPERTY(double longitude READ longitude CONSTANT FINAL)

public:
    explicit KioskSettings(KioskConfig config = {}, QObject *parent = nullptr)
        : QObject(parent), m_config(std::move(config))
    {
    }

    [[nodiscard]] const KioskConfig &config() const { return m_config; }
    [[nodiscard]] QString kioskName() const { return m_config.name; }
    [[nodiscard]] double pxPerMm() const { return m_config.pxPerMm; }
    [[nodiscard]] int idleWarningSeconds() const { return m_config.idleWarningSeconds; }
    [[nodiscard]] int idleResetSeconds() const { return m_config.idleResetSeconds; }
    /** Languages offered, in order; empty: every language of the pack. */
    [[nodiscard]] QStringList languages() const { return m_config.languages; }
    [[nodiscard]] QString webBaseUrl() const { return m_config.webBaseUrl; }
    [[nodiscard]] bool hasLocation() const { return m_config.latitude.has_value(); }
    [[nodiscard]] double latitude() const { return m_config.latitude.value_or(0); }
    [[nodiscard]] double longitude() const { return m_config.longitude.value_or(0); }

private:
    KioskConfig m_config;
};

} // namespace passerelle
