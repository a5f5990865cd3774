#pragma once

#include "audiobackend.h"
#include "keymap.h"
#include "problem.h"

#include <QDate>
#include <QString>

#include <memory>

class QQmlEngine;
class QQuickWindow;

namespace passerelle {

class ContentCatalog;
class IdleTimer;
class Narrator;
class Navigator;
class Repository;
class Session;
class SpeechMode;
class UiTranslator;

/**
 * The kiosk's services, built in one place and handed to QML: the pack's content,
 * the visitor's session, the navigator and the UI translator. The kiosk and the
 * Qt Quick tests build them the same way.
 */
class KioskServices
{
public:
    struct Options
    {
        QString packDir;   // a pack tree: manifest.json + objects/
        QString objectsDir; // when set: packDir holds manifest.json, objects are here (the store layout)
        QString language;  // start language; the pack's first language when empty
        QDate today;       // the date that picks dated rules; the real date when invalid
        QString startRoute = QStringLiteral("attract");
        int idleSeconds = 120;   // no touch for that long ends the session
        int warningSeconds = 30; // the last part of it shows the "more time" warning
        bool silent = false;     // renders offscreen: nobody listens, nothing is played
        KeyMap keys = KeyMap::defaults(); // [keys] in passerelle.conf
        QString audioOutput;     // [audio] output of passerelle.conf (AudioOutputChoice)
    };

    /** backend plays the audio; the default is Qt Multimedia (tests pass a fake). */
    static Result<std::unique_ptr<KioskServices>> open(const Options &options,
                                                       std::unique_ptr<AudioBackend> backend = {});
    ~KioskServices();

    /** Makes the services QML's singletons and adds the pictogram provider; call before loading QML. */
    void installInto(QQmlEngine *engine);

    [[nodiscard]] const Repository &repository() const { return *m_repository; }
    [[nodiscard]] ContentCatalog &content() const { return *m_content; }
    [[nodiscard]] Session &session() const { return *m_session; }
    [[nodiscard]] Navigator &navigator() const { return *m_navigator; }
    [[nodiscard]] Narrator &narrator() const { return *m_narrator; }
    [[nodiscard]] IdleTimer &idleTimer() const { return *m_idle; }
    [[nodiscard]] SpeechMode &speechMode() const { return *m_speech; }

    /**
     * Watches a window's input as the kiosk does: every touch and key is activity and
     * interrupts speech (TouchWatcher); keys and speech mode's touches act (AccessInput).
     * Destroy the result before the window.
     */
    [[nodiscard]] std::unique_ptr<QObject> watch(QQuickWindow *window) const;

    /** Forgets the visitor: language, status, modes, audio, volume, and back to the attract screen. */
    void endSession();

private:
    KioskServices() = default;

    std::shared_ptr<Repository> m_repository;
    std::unique_ptr<UiTranslator> m_translator;
    std::unique_ptr<ContentCatalog> m_content;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<Navigator> m_navigator;
    std::unique_ptr<AudioBackend> m_audio;
    std::unique_ptr<Narrator> m_narrator;
    std::unique_ptr<IdleTimer> m_idle;
    std::unique_ptr<SpeechMode> m_speech;
    KeyMap m_keys;
};

} // namespace passerelle
