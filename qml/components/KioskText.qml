import QtQuick
import Passerelle.Ui

// Text in the visitor's language, with the theme's font, size and colour; wraps.
Text {
    color: Theme.text
    font.family: Theme.fontFamily
    font.pixelSize: Theme.bodySize
    wrapMode: Text.Wrap
    textFormat: Text.PlainText
}
