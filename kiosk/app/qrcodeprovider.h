#pragma once

#include <QQuickImageProvider>

namespace passerelle {

/**
 * QR codes for QML: image://qr/<text, percent-encoded> draws text as a QR code
 * (libqrencode), black on white with a quiet zone, so a phone can keep a service's
 * contact, a place or a web link without any network at the kiosk.
 */
class QrCodeProvider : public QQuickImageProvider
{
public:
    QrCodeProvider() : QQuickImageProvider(QQuickImageProvider::Image) {}

    QImage requestImage(const QString &id, QSize *size, const QSize &requestedSize) override;

    /** The QR modules of text (true = dark), row by row; empty if it cannot be encoded. */
    [[nodiscard]] static QList<QList<bool>> encode(const QByteArray &text);
};

/** A MECARD (read by phone cameras as a contact) for a service. */
[[nodiscard]] QString serviceContactCard(const QString &name, const QStringList &phones, const QString &address,
                                         const QString &email, const QString &web);

} // namespace passerelle
