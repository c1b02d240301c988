/* An operating system error in the message language. */
#include <errno.h>
#include <string.h>

#include "errtext.h"

static const struct {
	int		 errnum;
	const char	*zh;
} errtext_zh[] = {
	{ ENOENT, "没有该文件或目录" },
	{ EACCES, "权限不足" },
	{ EPERM, "不允许的操作" },
	{ EISDIR, "是一个目录" },
	{ ENOTDIR, "路径中有一项不是目录" },
	{ ELOOP, "符号链接层数过多" },
	{ ENAMETOOLONG, "文件名过长" },
	{ EIO, "输入/输出错误" },
	{ ENOSPC, "设备上没有空间" },
	{ EROFS, "只读文件系统" },
	{ ENXIO, "没有该设备或地址" },
	{ ECONNREFUSED, "连接被拒绝" },
	{ EMFILE, "打开的文件过多" },
	{ ENOMEM, "内存不足" },
	{ EBADF, "文件描述符无效" },
	{ EPIPE, "管道已断开" },
	{ EBUSY, "设备或资源忙" },
	{ ETXTBSY, "文本文件忙" },
	{ EDQUOT, "超出磁盘配额" },
};

const char *
errtext(int errnum, enum lang lang)
{
	size_t i;

	if (lang == LANG_ZH)
		for (i = 0; i < sizeof(errtext_zh) / sizeof(errtext_zh[0]); i++)
			if (errtext_zh[i].errnum == errnum)
				return errtext_zh[i].zh;
	return strerror(errnum);
}
