#include "qrcodeprovider.h"

#include <QPainter>
#include <QUrl>

#include <qrencode.h>

namespace passerelle {

using namespace Qt::StringLiterals;

namespace {
constexpr int kQuietZone = 4; // modules of white around the code, as the standard asks

QString escapeMecard(QString text)
{
    // MECARD reserves \ ; , : in values.
    for (const QString &c : {u"\\"_s, u";"_s, u","_s, u":"_s})
        text.replace(c, u"\\"_s + c);
    return text;
}
} // namespace

QList<QList<bool>> QrCodeProvider::encode(const QByteArray &text)
{
    QList<QList<bool>> modules;
    QRcode *code = QRcode_encodeData(int(text.size()), reinterpret_cast<const unsigned char *>(text.constData()), 0,
                                     QR_ECLEVEL_M);
    if (!code)
        return modules;
    for (int y = 0; y < code->width; ++y) {
        QList<bool> row;
        for (int x = 0; x < code->width; ++x)
            row.append(code->data[y * code->width + x] & 1);
        modules.append(row);
    }
    QRcode_free(code);
    return modules;
}

QImage QrCodeProvider::requestImage(const QString &id, QSize *size, const QSize &requestedSize)
{
    const QList<QList<bool>> modules = encode(QUrl::fromPercentEncoding(id.toUtf8()).toUtf8());
    const int side = requestedSize.width() > 0 ? requestedSize.width() : 256;
    QImage image(side, side, QImage::Format_RGB32);
    image.fill(Qt::white);
    if (size)
        *size = image.size();
    if (modules.isEmpty())
        return image;
    // Whole pixels per module, so that every edge is sharp for a phone's camera.
    const int count = int(modules.size()) + 2 * kQuietZone;
    const int module = std::max(1, side / count);
    const int offset = (side - module * count) / 2 + kQuietZone * module;
    QPainter painter(&image);
    for (int y = 0; y < modules.size(); ++y) {
        for (int x = 0; x < modules.size(); ++x) {
            if (modules[y][x])
                painter.fillRect(offset + x * module, offset + y * module, module, module, Qt::black);
        }
    }
    return image;
}

QString serviceContactCard(const QString &name, const QStringList &phones, const QString &address,
                           const QString &email, const QString &web)
{
    QString card = u"MECARD:N:"_s + escapeMecard(name) + u';';
    for (const QString &phone : phones)
        card += u"TEL:"_s + QString(phone).remove(u' ') + u';';
    if (!address.isEmpty())
        card += u"ADR:"_s + escapeMecard(address) + u';';
    if (!email.isEmpty())
        card += u"EMAIL:"_s + escapeMecard(email) + u';';
    if (!web.isEmpty())
        card += u"URL:"_s + escapeMecard(web) + u';';
    return card + u';';
}

} // namespace passerelle
