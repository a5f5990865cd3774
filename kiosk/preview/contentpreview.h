#pragma once

#include "kioskconfig.h"
#include "kioskservices.h"
#include "previewbuild.h"
#include "problemlistmodel.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QSize>
#include <QTemporaryDir>
#include <QtQml/qqmlregistration.h>

#include <memory>

class QQmlApplicationEngine;
class QQuickItem;
class QQuickWindow;
class QThread;

namespace passerelle {

class ContentWatcher;
class Kiosk;
class KioskSettings;

/**
 * `passerelle --preview DIR`: the kiosk on an editor's content folder. Builds DIR into a
 * private temporary pack (no speech synthesis), shows it in a window, and after every
 * saved change builds again and shows the new pack on the same route, in the same
 * language. A build with errors leaves the last good pack on screen under a panel that
 * lists each error with its file and line. Writes nothing but its temporary folder:
 * no pack store, no usage counts, no sync.
 *
 * Builds run on a worker thread, so the kiosk on screen stays usable meanwhile. Each good
 * build gets a kiosk of its own (services and QML engine, as at start-up) whose screen is
 * put into the one preview window; the previous kiosk is then dropped. A new kiosk rather
 * than a new pack under the old one: every model, cached pictogram and QML binding starts
 * from the new pack, as it will on a kiosk. QML (PreviewWindow.qml) binds to this object.
 */
class ContentPreview : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("made by passerelle --preview")
    Q_PROPERTY(QString contentDir READ contentDir CONSTANT FINAL)
    Q_PROPERTY(passerelle::ProblemListModel *problems READ problems CONSTANT FINAL)
    /** The last build had errors (they are in problems). */
    Q_PROPERTY(bool hasErrors READ hasErrors NOTIFY outcomeChanged FINAL)
    /** A good build is on screen (the last one, or an earlier one when the last failed). */
    Q_PROPERTY(bool hasContent READ hasContent NOTIFY outcomeChanged FINAL)
    /** One sentence on the state of the preview, for the error panel's heading. */
    Q_PROPERTY(QString summary READ summary NOTIFY outcomeChanged FINAL)
    Q_PROPERTY(QString title READ title NOTIFY outcomeChanged FINAL)

public:
    struct Options
    {
        QString contentDir;
        /** Start language, route and date; the pack and the idle time are the preview's. */
        KioskServices::Options kiosk;
        /** Display settings (px_per_mm) for the theme; nothing else of it is used. */
        KioskConfig config;
        bool largeText = false;
        bool highContrast = false;
        bool workerMode = false;
        QSize size{1920, 1080};
        /** True without --size: the window fits the screen and shows the kiosk at size, scaled. */
        bool fitToScreen = true;
        /** Saves closer together than this are one change. */
        int quietMs = 300;
    };

    explicit ContentPreview(Options options, QObject *parent = nullptr);
    ~ContentPreview() override;

    /**
     * Opens the window, starts watching the folder and starts the first build (its outcome
     * comes later, with updated()). False, with the reason in *error, when the folder is
     * not one or the window's QML does not load.
     */
    bool start(QString *error);

    [[nodiscard]] QQuickWindow *window() const;
    /** The kiosk on screen (the last good build); null before the first good build. */
    [[nodiscard]] Kiosk *kiosk() const;
    /** The kiosk's screen item in the window; null before the first good build. */
    [[nodiscard]] QQuickItem *screen() const;

    [[nodiscard]] QString contentDir() const { return m_options.contentDir; }
    [[nodiscard]] ProblemListModel *problems() const { return m_problems.get(); }
    [[nodiscard]] bool hasErrors() const { return m_errors > 0; }
    [[nodiscard]] bool hasContent() const;
    [[nodiscard]] QString summary() const;
    [[nodiscard]] QString title() const;
    /** The times of the last build that was shown, in milliseconds; -1 before the first. */
    struct Timing
    {
        qint64 build = -1;          // compiling the content into a pack
        qint64 load = -1;           // the new kiosk on it, its screen in the window
        qint64 changeToScreen = -1; // from the first event of the change (the save) to the screen
    };
    [[nodiscard]] Timing lastTiming() const { return m_timing; }

Q_SIGNALS:
    void outcomeChanged();
    /** A build's outcome is on screen; reloaded is true when a new pack is shown. */
    void updated(bool reloaded);

private:
    struct Generation;

    void changed(qint64 waitedMs);
    void startBuild();
    void buildFinished(const PreviewBuild &build);
    /** A kiosk on packDir, on the state of the one on screen; null (problems told) when it cannot be. */
    [[nodiscard]] std::unique_ptr<Generation> load(const QString &packDir, Problems &problems);
    void setOutcome(const Problems &problems);

    Options m_options;
    QTemporaryDir m_work;
    QDateTime m_created;
    std::unique_ptr<KioskSettings> m_settings;
    std::unique_ptr<ProblemListModel> m_problems;
    std::unique_ptr<QQmlApplicationEngine> m_shell;
    QQuickItem *m_host = nullptr;
    std::unique_ptr<ContentWatcher> m_watcher;
    // Declared after the shell: its screen goes before the window that holds it.
    std::unique_ptr<Generation> m_current;
    QThread *m_thread = nullptr;
    int m_buildNumber = 0;
    bool m_buildAgain = false;
    QElapsedTimer m_clock;
    qint64 m_changeAt = -1; // m_clock time of the first change not on screen yet
    bool m_fromStart = true; // no change was saved since the start
    Timing m_timing;
    int m_errors = 0;
    int m_warnings = 0;
    QDateTime m_shownAt;
};

} // namespace passerelle
