#pragma once

#include <QString>
#include <QTranslator>

class QQmlEngine;

namespace passerelle {

/** Swaps the UI translation (translations/passerelle_LANG.ts, compiled in) and retranslates QML. */
class UiTranslator
{
public:
    explicit UiTranslator(QQmlEngine *engine = nullptr) : m_engine(engine) {}
    void setEngine(QQmlEngine *engine) { m_engine = engine; }
    /** Loads :/i18n/passerelle_<code>.qm; the source strings are shown when there is none. */
    void apply(const QString &code);

private:
    QQmlEngine *m_engine = nullptr;
    QTranslator m_translator;
    bool m_installed = false;
};

} // namespace passerelle
