#include "uitranslator.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QQmlEngine>

namespace passerelle {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcI18n, "passerelle.i18n")

void UiTranslator::apply(const QString &code)
{
    if (m_installed) {
        QCoreApplication::removeTranslator(&m_translator);
        m_installed = false;
    }
    if (m_translator.load(u":/i18n/passerelle_"_s + code + u".qm"_s)) {
        m_installed = QCoreApplication::installTranslator(&m_translator);
    } else {
        qCInfo(lcI18n) << "no interface translation for" << code << "- showing the source strings";
    }
    if (m_engine)
        m_engine->retranslate();
}

} // namespace passerelle
