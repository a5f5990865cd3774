#include "session.h"

#include "repository.h"

namespace passerelle {

Session::Session(const Repository &repository, QString defaultLanguage,
                 std::function<void(const QString &)> languageApplier, QObject *parent)
    : QObject(parent)
    , m_repository(repository)
    , m_defaultLanguage(std::move(defaultLanguage))
    , m_applyLanguage(std::move(languageApplier))
{
    setLanguage(m_defaultLanguage);
}

void Session::setLanguage(const QString &code)
{
    if (code == m_language)
        return;
    for (const LanguageInfo &l : m_repository.languages()) {
        if (l.code != code)
            continue;
        m_language = code;
        m_rightToLeft = l.rightToLeft;
        m_fontFamily = l.font;
        if (m_applyLanguage)
            m_applyLanguage(code);
        Q_EMIT languageChanged();
        Q_EMIT sideBySideChanged();
        return;
    }
}

QString Session::sourceLanguage() const { return m_repository.sourceLanguage(); }

void Session::setStatus(const QString &status)
{
    if (status == m_status)
        return;
    m_status = status;
    Q_EMIT statusChanged();
}

void Session::setLargeText(bool on)
{
    if (on == m_largeText)
        return;
    m_largeText = on;
    Q_EMIT largeTextChanged();
}

void Session::setHighContrast(bool on)
{
    if (on == m_highContrast)
        return;
    m_highContrast = on;
    Q_EMIT highContrastChanged();
}

void Session::setWorkerMode(bool on)
{
    if (on == m_workerMode)
        return;
    m_workerMode = on;
    Q_EMIT workerModeChanged();
    Q_EMIT sideBySideChanged();
}

void Session::reset()
{
    setWorkerMode(false);
    setLanguage(m_defaultLanguage);
    setStatus({});
    setLargeText(false);
    setHighContrast(false);
    Q_EMIT cleared();
}

} // namespace passerelle
