import QtQuick
import QtQuick.Window
import Passerelle.Ui

Window {
    id: root
    width: 1920
    height: 1080
    title: "Passerelle"
    color: "black"

    /**
     * The size the kiosk is laid out for: the window's own size (full screen, --size), or,
     * for a window fitted to a smaller screen (windowfit.h), the kiosk's size, shown scaled.
     */
    property size designSize: Qt.size(width, height)

    KioskScreen {
        objectName: "kioskScreen"
        width: root.designSize.width
        height: root.designSize.height
        transformOrigin: Item.TopLeft
        scale: Math.min(root.width / width, root.height / height)
    }
}
