#pragma once

#include "problem.h"

#include <QDate>
#include <QString>

#include <memory>

class QQmlApplicationEngine;
class QQuickWindow;

namespace passerelle {

class ContentCatalog;
class Navigator;
class Repository;
class Session;
class UiTranslator;

/** Builds the kiosk's services in one place, hands them to QML and loads the UI. */
class Kiosk
{
public:
    struct Options
    {
        QString packDir;       // a pack tree: manifest.json + objects/
        QString language;      // start language; the pack's first language when empty
        QDate today;           // the date that picks dated rules; the real date when invalid
        QString startRoute = QStringLiteral("home");
    };

    static Result<std::unique_ptr<Kiosk>> open(const Options &options);
    ~Kiosk();

    /** Loads Main.qml; false (with the QML errors logged) when it cannot. */
    bool loadUi();
    [[nodiscard]] QQuickWindow *window() const;
    [[nodiscard]] QQmlApplicationEngine &engine() const { return *m_engine; }
    [[nodiscard]] Session &session() const { return *m_session; }
    [[nodiscard]] Navigator &navigator() const { return *m_navigator; }
    [[nodiscard]] ContentCatalog &content() const { return *m_content; }

private:
    Kiosk() = default;

    std::shared_ptr<Repository> m_repository;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    std::unique_ptr<UiTranslator> m_translator;
    std::unique_ptr<ContentCatalog> m_content;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<Navigator> m_navigator;
};

} // namespace passerelle
